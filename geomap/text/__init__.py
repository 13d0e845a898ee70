"""Reading text: checked text, publication date, sentences."""
