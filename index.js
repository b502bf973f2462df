// n8n loads the node, the trigger and the credential through the "n8n" field of package.json, so
// the published package has no main module and this file stays out of the tarball.
module.exports = {};
