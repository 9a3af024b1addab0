"""Where analyses are kept between runs: an SQLite index on one machine (sqlite.py), a
Parquet dataset beyond it, and the row encoding both share (codec.py)."""
