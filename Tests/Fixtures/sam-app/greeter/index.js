const greeting = require('greeting');

exports.handler = async () => ({ statusCode: 200, body: greeting('greeter') });
