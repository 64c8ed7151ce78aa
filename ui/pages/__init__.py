"""Wizard pages: small classes that build their widgets, load from the document and write back."""
