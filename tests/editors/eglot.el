;; Emacs in batch with its eglot (tests/test_editors.py): `factlint server' on the seed article.
;; Run from a copy of the seed workspace that is a git repository (eglot needs a project):
;;   emacs --batch --no-init-file -l eglot.el
;; Prints one line per diagnostic flymake shows: line, type, the flagged text, the first line of the message.
(require 'eglot)
(require 'flymake)
;; The set-up docs/integrations.md gives (text-mode too: Emacs opens .md files in it without markdown-mode).
(add-to-list 'eglot-server-programs '((markdown-mode text-mode) . ("factlint" "server")))
(setq eglot-sync-connect t)
(find-file "seeds/coalition-of-the-willing.md")
(text-mode)
(call-interactively #'eglot)
(flymake-mode 1)
(let ((deadline (+ (float-time) 30)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)
    (flymake-start)))
(dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (princ (format "%s %s [%s] %s\n"
                 (line-number-at-pos (flymake-diagnostic-beg d))
                 (flymake-diagnostic-type d)
                 (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                 (car (split-string (flymake-diagnostic-text d) "\n")))))
(eglot-shutdown (eglot-current-server))
