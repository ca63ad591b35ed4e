// The datagrid plugin is imported for its side effect (it registers itself with the viewer). Its
// own declarations reach into the viewer's TypeScript sources, which do not compile under our
// settings; nothing of its API is used here.
declare module '@perspective-dev/viewer-datagrid/dist/esm/perspective-viewer-datagrid.js';
