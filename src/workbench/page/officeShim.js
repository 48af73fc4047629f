/*
 * Workbench stand-in for Office.js, served as /workbench-office-shim.js in place of the CDN
 * script tag of taskpane.html (scripts/workbench.js rewrites the tag). It runs in the task
 * pane's iframe before the taskpane and functions bundles, and asks the workbench page
 * (window.parent, same origin) to install its in-memory Excel, Office and CustomFunctions
 * objects into this window. Plain ES5 script: it is served as is, not bundled.
 */
(function () {
  'use strict';
  var parentHost = null;
  try {
    parentHost = window.parent && window.parent !== window ? window.parent.LM_WORKBENCH_HOST : null;
  } catch (error) {
    parentHost = null; // a cross-origin parent: not the workbench
  }
  if (parentHost && typeof parentHost.installInto === 'function') {
    parentHost.installInto(window);
    return;
  }
  // Opened on its own: explain instead of failing silently.
  document.addEventListener('DOMContentLoaded', function () {
    var note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.textContent =
      'This is the LM Workbench task pane served by the workbench. Open /workbench.html instead: it hosts the pane beside an in-memory workbook.';
    document.body.insertBefore(note, document.body.firstChild);
  });
})();
