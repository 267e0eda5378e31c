"""Swedish spell-checking and klarspråk measures for the report's free-text answers."""
