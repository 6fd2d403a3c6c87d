// Portkey's start-server.js calls serve({ fetch, port }) without a hostname, so Node would listen on every
// interface. The benchmark keeps everything on loopback: preloaded with `node --import`, this makes every
// server that is given no host listen on 127.0.0.1.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
    if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] !== 'string')) {
        args.splice(1, 0, '127.0.0.1');
    } else if (args[0] !== null && typeof args[0] === 'object' && args[0].host === undefined && args[0].path === undefined) {
        args[0] = { ...args[0], host: '127.0.0.1' };
    }
    return listen.apply(this, args);
};
