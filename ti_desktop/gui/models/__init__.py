"""Item models over service results (QAbstractItemModel), with their filter proxies."""
