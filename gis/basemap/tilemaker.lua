-- Proxima basemap: the same layers as gis/basemap/Basemap.java (Planetiler), for tilemaker (Debian package).
-- Built from the OSM extract alone: no coastline or Natural Earth shapefiles (the pilot départements are inland).

node_keys = { "place" }

local road_zoom = {
	motorway = 5, trunk = 5, motorway_link = 8, trunk_link = 8, primary = 7, primary_link = 9,
	secondary = 9, secondary_link = 10, tertiary = 10, tertiary_link = 11,
	unclassified = 12, residential = 12, living_street = 12, service = 13, road = 12,
	track = 13, path = 13, footway = 13, cycleway = 13, bridleway = 13, steps = 14, pedestrian = 13
}

local place_zoom = { city = 5, town = 8, village = 10, hamlet = 12 }

function node_function(node)
	local place = node:Find("place")
	local name = node:Find("name")
	if place_zoom[place] and name ~= "" then
		node:Layer("places", false)
		node:Attribute("class", place)
		node:Attribute("name", name)
		node:MinZoom(place_zoom[place])
	end
end

function way_function(way)
	local highway = way:Find("highway")
	local railway = way:Find("railway")
	local waterway = way:Find("waterway")
	local natural = way:Find("natural")
	local landuse = way:Find("landuse")
	local closed = way:IsClosed()
	if road_zoom[highway] then
		way:Layer("roads", false)
		way:Attribute("class", highway)
		way:Attribute("name", way:Find("name"))
		way:MinZoom(road_zoom[highway])
	elseif railway == "rail" or railway == "narrow_gauge" then
		way:Layer("railways", false)
		way:Attribute("class", railway)
	elseif waterway == "river" or waterway == "canal" or waterway == "stream" then
		way:Layer("waterways", false)
		way:Attribute("class", waterway)
		way:Attribute("name", way:Find("name"))
		if waterway ~= "river" then way:MinZoom(12) end
	end
	if way:Find("boundary") == "administrative" then
		local level = way:Find("admin_level")
		if level == "2" or level == "4" or level == "6" or level == "8" then
			way:Layer("boundaries", false)
			way:Attribute("admin_level", level)
		end
	end
	if closed then
		if natural == "water" or waterway == "riverbank" or landuse == "reservoir" then
			way:Layer("water", true)
		elseif landuse == "forest" or natural == "wood" then
			way:Layer("landcover", true)
			way:Attribute("class", "wood")
		elseif landuse == "residential" or landuse == "commercial" or landuse == "industrial" or landuse == "retail" then
			way:Layer("landuse", true)
			way:Attribute("class", landuse)
		elseif way:Find("building") ~= "" then
			way:Layer("buildings", true)
		end
	end
end
