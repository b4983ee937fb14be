-- Headless Neovim's built-in LSP client (tests/test_editors.py): `factlint server` on the seed article.
-- Run from a copy of the seed workspace:  nvim --headless --clean -c "luafile neovim.lua"
-- vim.lsp.start_client, not vim.lsp.config: this runs on Neovim 0.7 too (Debian 12's), where
-- vim.lsp.config (0.11) does not exist. Prints one line per diagnostic: line, severity, the
-- flagged text, the rule.
local client_id = vim.lsp.start_client({ name = "factlint", cmd = { "factlint", "server" }, root_dir = vim.fn.getcwd() })
vim.cmd("edit seeds/coalition-of-the-willing.md")
vim.lsp.buf_attach_client(0, client_id)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local diagnostics = vim.diagnostic.get(0)
table.sort(diagnostics, function(a, b) return a.col < b.col end)
for _, d in ipairs(diagnostics) do
  local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
  print(string.format("%d %s [%s] %s", d.lnum + 1, vim.diagnostic.severity[d.severity], line:sub(d.col + 1, d.end_col), d.code))
end
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qall!")
