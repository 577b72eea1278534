/* The park map: lots as GeoJSON polygons coloured by residence status, each with its number; a click opens the
   lot. Underneath: the configured tile service (the BRT-achtergrondkaart of PDOK in production) or, without one,
   the park's own background (outline, water, paths) from its register.
   No inline script (CSP): the URLs come from data- attributes. */
(function () {
  "use strict";
  var BASE_STYLES = {
    water: { color: "#3b82c4", weight: 1, fillColor: "#9cc9ec", fillOpacity: 1 },
    path: { color: "#a8a29e", weight: 5, opacity: 1, lineCap: "round" },
    outline: { color: "#365314", weight: 2, dashArray: "6 4", fillColor: "#e6f0d6", fillOpacity: 1 }
  };
  var ORDER = { outline: 0, water: 1, path: 2 };
  var LABEL_ZOOM = 16.5; // below this a number is wider than its lot; zoom in to read them

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) { return response.json(); });
  }

  function drawBase(map, data) {
    var features = (data.features || []).slice().sort(function (a, b) {
      return ORDER[a.properties.kind] - ORDER[b.properties.kind];
    });
    return L.geoJSON({ type: "FeatureCollection", features: features }, {
      interactive: false,
      style: function (feature) { return BASE_STYLES[feature.properties.kind] || BASE_STYLES.path; }
    }).addTo(map);
  }

  function drawLots(map, data) {
    return L.geoJSON(data, {
      style: function (feature) {
        return { color: "#111827", weight: 1, fillColor: feature.properties.colour, fillOpacity: 0.85 };
      },
      onEachFeature: function (feature, shape) {
        var p = feature.properties;
        shape.bindTooltip(String(p.number), {
          permanent: true, direction: "center", className: "park-lot-label", opacity: 1
        });
        shape.on("click", function () { window.location.href = p.url; });
      }
    }).addTo(map);
  }

  function start() {
    var element = document.getElementById("park-kaart");
    if (!element || typeof L === "undefined") { return; }
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 20, zoomSnap: 0.25 });
    var tiles = element.getAttribute("data-tile-url");
    var baseUrl = element.getAttribute("data-base-map-url");
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 20, attribution: element.getAttribute("data-tile-attribution") || ""
      }).addTo(map);
    }
    function labels() {
      element.classList.toggle("park-map--labels", map.getZoom() >= LABEL_ZOOM);
    }
    map.on("zoomend", labels);
    var base = baseUrl ? json(baseUrl).then(function (data) { return drawBase(map, data); }) : Promise.resolve(null);
    base.then(function (baseLayer) {
      return json(element.getAttribute("data-geojson-url")).then(function (data) {
        var layer = drawLots(map, data);
        if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [16, 16] }); }
        else if (baseLayer && baseLayer.getLayers().length) { map.fitBounds(baseLayer.getBounds()); }
        else { map.setView([51.98, 6.03], 15); }
        labels();
        element.setAttribute("data-loaded", String(layer.getLayers().length));
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
