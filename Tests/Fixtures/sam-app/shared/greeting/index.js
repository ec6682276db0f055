module.exports = (name) => `hello ${name} (shared v1)`;
