// Starts GraphiQL on this page. A file of its own, not inline script: the page's
// Content-Security-Policy allows scripts from this origin only.
(function () {
  'use strict';
  var fetcher = GraphiQL.createFetcher({
    url: new URL('/graphql', window.location.origin).toString(),
    // The API answers plain JSON; no multipart (incremental delivery) and no subscriptions.
    enableIncrementalDelivery: false
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      // Open on the headers editor, where the bearer token goes.
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      // Tokens stay out of localStorage: a pasted token lives as long as the tab.
      shouldPersistHeaders: false
    })
  );
})();
