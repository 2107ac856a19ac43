"""Editing the actuals workbook: a fresh workbook for `init`, rows appended by `actuals add`."""
