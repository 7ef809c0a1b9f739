"""Text of Chinese plans: numerals, numbering, cleaning and parsing. No Django imports."""
