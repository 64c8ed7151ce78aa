"""The tools' logic: ledger → 表三, 数据采集表, batch summary, carry-over to a new year, 自动合计."""
