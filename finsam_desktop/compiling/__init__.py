"""The förbund's side: received reports compiled into the annual report's tables."""
