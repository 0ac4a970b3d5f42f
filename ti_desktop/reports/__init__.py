"""PDF documents (reportlab): progress reports for the Région and meeting minutes."""
