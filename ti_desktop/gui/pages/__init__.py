"""The main window's pages: each is a QWidget built from an AppContext, reloading on its signals."""
