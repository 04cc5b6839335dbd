/*
 * Warns a logged-in visitor shortly before the login ends for lack of activity, and lets them
 * stay logged in with one button (WCAG 2.2.1, Timing Adjustable).
 *
 * Progressive enhancement: without this script every page already says when the login ends
 * (#loket-session-ends). With it, LOKET_VISITOR_WARNING_SECONDS before that moment an alert
 * dialog opens with the focus on "Stay logged in"; the button posts the dialog's form (with
 * its CSRF token) to /inloggen/verlengen/, which counts as activity. When the time is up, the
 * dialog says so and offers to log in again. No inline script, so a strict CSP can stay.
 */
(function () {
  "use strict";

  var ends = document.getElementById("loket-session-ends");
  var dialog = document.getElementById("loket-session-dialog");
  if (!ends || !dialog || typeof dialog.showModal !== "function" || !window.fetch) {
    return;
  }
  var title = document.getElementById("loket-session-title");
  var message = document.getElementById("loket-session-message");
  var form = document.getElementById("loket-session-stay");
  var stay = form.querySelector("button");
  var loginAgain = document.getElementById("loket-session-login");
  var warningMs = Number(ends.dataset.warningSeconds) * 1000;
  var deadline = 0;
  var warnTimer = null;
  var endTimer = null;
  var ended = false;

  function open(focus) {
    if (!dialog.open) {
      dialog.showModal();
    }
    focus.focus();
  }

  function warn() {
    if (ended) {
      return;
    }
    message.textContent = ends.textContent;
    open(stay);
  }

  function end() {
    ended = true;
    clearTimeout(warnTimer);
    title.textContent = dialog.dataset.endedTitle;
    message.textContent = dialog.dataset.endedMessage;
    ends.textContent = dialog.dataset.endedMessage;
    form.hidden = true;
    loginAgain.hidden = false;
    open(loginAgain.querySelector("a"));
  }

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    deadline = Date.now() + secondsLeft * 1000;
    var left = deadline - Date.now();
    warnTimer = setTimeout(warn, Math.max(0, left - warningMs));
    // A second late, so that the server has surely ended the login when the page says so.
    endTimer = setTimeout(end, Math.max(0, left) + 1000);
  }

  // Timers in a hidden tab may run late: look at the clock again when it is shown.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !ended) {
      schedule(Math.max(0, (deadline - Date.now()) / 1000));
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    stay.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (answer) {
        stay.disabled = false;
        if (!answer.ok || !answer.data.logged_in) {
          end();
          return;
        }
        ends.textContent = answer.data.message;
        dialog.close();
        schedule(answer.data.seconds_left);
      })
      .catch(function () {
        // No answer that the script understands: post the form as a page instead.
        stay.disabled = false;
        form.submit();
      });
  });

  schedule(Number(ends.dataset.secondsLeft));
})();
