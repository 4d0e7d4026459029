// The details page's two buttons answer the request; nothing else is sent.
(function () {
  const vscode = acquireVsCodeApi();
  for (const choice of ['deny', 'allow']) {
    document.getElementById(choice).addEventListener('click', () => vscode.postMessage({ choice }));
  }
  // Deny holds the focus, as in the dialog: Enter on a page opened by mistake denies.
  document.getElementById('deny').focus();
})();
