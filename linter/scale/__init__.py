"""Running a check at archive scale: batches, streaming, and Dask clusters."""
