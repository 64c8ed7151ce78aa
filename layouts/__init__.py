"""Where things sit in the files we write and read back: shared by exporters/ (writers) and importers/ (readers).

Qt-free, and importing neither exporters nor importers, so that both sides agree by construction and a reader never
depends on a writer. `xlsx_layout` (our report workbook), `xlsx_formulas` (its live totals and checks),
`collection_layout` (the 数据采集表) and `docx_layout` (the Word report's appendix titles and document properties).
"""
