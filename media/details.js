// The details page's two buttons answer the request; nothing else is sent.
(function () {
  const vscode = acquireVsCodeApi();
  for (const choice of ['deny', 'allow']) {
    document.getElementById(choice).addEventListener('click', () => vscode.postMessage({ choice }));
  }
})();
