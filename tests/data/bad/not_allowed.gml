<?xml version="1.0" encoding="UTF-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://ogr.maptools.org/ http://127.0.0.1:47613/schema.xsd">
  <gml:featureMember>
    <ogr:events fid="events.0">
      <ogr:geometryProperty><gml:Point><gml:coordinates>36.1873,51.7373</gml:coordinates></gml:Point></ogr:geometryProperty>
      <ogr:id>gml-1</ogr:id>
      <ogr:title>Kursk</ogr:title>
      <ogr:start>2024-08-06</ogr:start>
    </ogr:events>
  </gml:featureMember>
</ogr:FeatureCollection>
