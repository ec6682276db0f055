const tiny = require('tiny');

exports.handler = async () => ({ statusCode: 200, body: tiny() });
