"""Handing the finished report to the förbund: e-mail drafts, mailto, SMTP, passwords."""
