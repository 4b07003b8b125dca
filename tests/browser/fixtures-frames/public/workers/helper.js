// Fixture (worker, classic): loaded by classic.js with a relative importScripts.
self.helperLoaded = 'yes';
