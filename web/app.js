// Starts the chat widget (rasa-webchat 1.x, served from node_modules) against the bot's socketio channel.
// The bot's address: ?socketUrl=http://host:port on the page's URL, else DEFAULT_SOCKET_URL.
(function () {
  "use strict";
  var DEFAULT_SOCKET_URL = "http://localhost:5005";
  var query = new URLSearchParams(window.location.search);
  var socketUrl = query.get("socketUrl") || DEFAULT_SOCKET_URL;
  var HINTS = {
    en: "Tell me what went wrong...",
    es: "Cuéntame qué ha pasado...",
    pt: "Conte o que aconteceu...",
    fr: "Dites-moi ce qui s'est passé...",
    ru: "Расскажите, что случилось...",
    pl: "Napisz, co się stało..."
  };

  window.WebChat.default(
    {
      socketUrl: socketUrl,
      socketPath: query.get("socketPath") || "/socket.io/",
      initPayload: "/greet",
      // The browser's language: the bot answers in it until the buyer writes in another.
      customData: { language: navigator.language },
      inputTextFieldHint: HINTS[navigator.language.split("-")[0]] || HINTS.en,
      embedded: true,            // always open; the greeting is asked for at once
      showCloseButton: false,
      hideWhenNotConnected: false,
      withRules: false,          // no Botfront rules: plain Rasa
      params: { storage: "local" }, // the conversation and session id survive a reload
      customMessageDelay: function () { return 300; }
    },
    document.getElementById("chat")
  );
})();
