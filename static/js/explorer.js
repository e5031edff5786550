// The API explorer: Swagger UI, from our own static files, on our OpenAPI document.
"use strict";

(function () {
  var root = document.getElementById("explorer");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
  });
})();
