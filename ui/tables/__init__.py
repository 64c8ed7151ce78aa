"""The three official tables: one QAbstractTableModel per table, a view that draws the official merges."""
