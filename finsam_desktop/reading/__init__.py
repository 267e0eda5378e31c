"""Reading Word documents into drafts: ``importer.read_docx`` is the way in."""
