export function request(ctx) { return {}; }
