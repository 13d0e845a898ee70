"""What geomap writes: GeoJSON, CSV, GeoPackage, GeoParquet, FlatGeobuf, maps, charts, tables."""
