// n8n finds the node and the credential through the "n8n" field of package.json.
module.exports = {};
