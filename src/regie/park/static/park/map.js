/* The park map: lots as GeoJSON polygons coloured by residence status; a click opens the lot.
   No inline script (CSP): the data URL and the optional tile URL come from data- attributes. */
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("park-kaart");
    if (!element || typeof L === "undefined") { return; }
    var map = L.map(element, { scrollWheelZoom: false });
    var tiles = element.getAttribute("data-tile-url");
    if (tiles) { L.tileLayer(tiles, { maxZoom: 20 }).addTo(map); }
    fetch(element.getAttribute("data-geojson-url"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          style: function (feature) {
            var colour = feature.properties.colour;
            return { color: "#111827", weight: 1, fillColor: colour, fillOpacity: 0.75 };
          },
          onEachFeature: function (feature, shape) {
            var p = feature.properties;
            shape.bindTooltip("Kavel " + p.number + ": " + p.statusLabel);
            shape.on("click", function () { window.location.href = p.url; });
          }
        }).addTo(map);
        if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [10, 10] }); }
        else { map.setView([51.98, 6.03], 15); }
        element.setAttribute("data-loaded", String(layer.getLayers().length));
      });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
