"""Dialogs (fiche-action editor, first run, about…)."""
