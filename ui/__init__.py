"""The Qt front end of Finsam Slutrapport; it uses the core, never the reverse."""
