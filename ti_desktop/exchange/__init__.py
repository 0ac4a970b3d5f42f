"""Import and export of plans (pandas): spreadsheets, CSV and Territoires en Transitions workbooks."""
