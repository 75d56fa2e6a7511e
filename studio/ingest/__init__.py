"""Reading what offices already have: text files and FAQ text."""
