"""A form file from a förbund's own Word mall."""
