/* codify: a stand-in for Web Workers on a site opened from a file share (file://).
 *
 * From file://, browsers refuse to start a Worker from a script file, so the theme's search
 * would never answer. This runs the worker's script in a hidden frame of the page instead and
 * passes messages both ways, as a Worker would. Material for MkDocs' offline plugin sees a
 * script with "iframe-worker" in its name among the polyfills and then adds none from the
 * internet, which a closed network could not reach. Served over http(s), it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.EventTarget) {
    return;
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.waiting = [];
      this.scope = null;
      const source = new URL(String(url), document.baseURI).href;
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.setAttribute("aria-hidden", "true");
      // An srcdoc frame shares the page's origin, so the page can reach into it.
      frame.srcdoc = "<!doctype html><meta charset=utf-8><title>worker</title>";
      frame.addEventListener("load", () => this.start(frame.contentWindow, source), {
        once: true,
      });
      (document.body || document.documentElement).appendChild(frame);
      this.frame = frame;
    }

    start(scope, source) {
      // What the worker's script posts reaches this object's listeners, as from a Worker.
      scope.postMessage = (data) => this.later(() => this.emit("message", { data: data }));
      scope.importScripts = () => {
        throw new Error("importScripts is not available to a worker opened from file://");
      };
      const script = scope.document.createElement("script");
      script.src = source;
      script.addEventListener("load", () => {
        this.scope = scope;
        this.waiting.splice(0).forEach((data) => this.send(data));
      });
      script.addEventListener("error", () =>
        this.emit("error", { message: "could not load the worker script " + source }),
      );
      scope.document.head.appendChild(script);
    }

    postMessage(data) {
      if (this.scope) {
        this.send(data);
      } else {
        this.waiting.push(data);
      }
    }

    send(data) {
      const scope = this.scope;
      this.later(() => scope.dispatchEvent(new scope.MessageEvent("message", { data: data })));
    }

    emit(type, init) {
      const event = type === "message" ? new MessageEvent(type, init) : new ErrorEvent(type, init);
      this.dispatchEvent(event);
      const handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") {
        handler.call(this, event);
      }
    }

    // Messages between a page and a worker never arrive in the same turn they were sent.
    later(action) {
      window.setTimeout(action, 0);
    }

    terminate() {
      this.frame.remove();
      this.scope = null;
    }
  }

  window.Worker = FileWorker;
})();
