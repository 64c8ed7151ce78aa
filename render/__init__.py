"""Drawing without widgets: the 一图读懂 page (`render.infographic`) and the PDF text layer (`render.pdf_text`).

QtGui and QtCore only, never QtWidgets, so that the command line can draw to PNG and PDF without loading the GUI; the
window (ui/) uses these too. Importing this package imports no Qt (`offscreen_fonts` runs before Qt is loaded).
"""
