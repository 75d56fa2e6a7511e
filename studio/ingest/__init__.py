"""Reading what offices already have: Word, Markdown, text and saved web pages, the
metadata a 公文 states in its layout, and FAQ text."""
