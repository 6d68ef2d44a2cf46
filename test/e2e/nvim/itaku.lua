-- Headless Neovim (0.7+) as a second LSP client of the bundled itaku server.
-- nvim --headless -u NONE -c "luafile test/e2e/nvim/itaku.lua" -- <server.js> <draft.md>
-- Prints one JSON line per step; exits 0 when every step worked.
local server, file = vim.fn.argv(0), vim.fn.argv(1)
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function out(tbl) tbl.t_ms = ms(); io.stdout:write(vim.json.encode(tbl) .. "\n") end
local function fail(msg) out({ event = "error", error = msg }); vim.cmd("cquit 1") end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = "markdown"

local client_id = vim.lsp.start_client({
  name = "itaku",
  cmd = { "node", server, "--stdio" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
  init_options = { settings = { locale = "ja" }, clientCommands = { "itaku.reveal" } },
})
if not client_id then return fail("start_client returned nil") end
vim.lsp.buf_attach_client(buf, client_id)
local client = vim.lsp.get_client_by_id(client_id)

-- itaku.reveal (what a fix inserted): the cursor to its start, the lines highlighted briefly.
local reveal_ns = vim.api.nvim_create_namespace("itaku-reveal")
vim.lsp.commands["itaku.reveal"] = function(command, ctx)
  local arg = command.arguments[1]
  local b = vim.uri_to_bufnr(arg.uri)
  local line = vim.api.nvim_buf_get_lines(b, arg.range.start.line, arg.range.start.line + 1, false)[1] or ""
  local col = vim.str_byteindex(line, arg.range.start.character, true)
  if vim.api.nvim_get_current_buf() == b then vim.api.nvim_win_set_cursor(0, { arg.range.start.line + 1, col }) end
  vim.highlight.range(b, reveal_ns, "Search", { arg.range.start.line, 0 }, { arg.range["end"].line, -1 })
  vim.defer_fn(function() vim.api.nvim_buf_clear_namespace(b, reveal_ns, 0, -1) end, 1500)
end

-- Neovim keeps byte columns; LSP counts UTF-16 code units. Convert back for the server.
local function utf16(lnum, col)
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ""
  local _, u16 = vim.str_utfindex(line, math.min(col, #line))
  return u16
end

local function itaku_diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "itaku" then
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, {
        range = { start = { line = d.lnum, character = utf16(d.lnum, d.col) }, ["end"] = { line = d.end_lnum, character = utf16(d.end_lnum, d.end_col) } },
        severity = d.severity, message = d.message, source = d.source, code = lsp.code, data = lsp.data,
      })
    end
  end
  return list
end

-- 1. diagnostics arrive
if not vim.wait(15000, function() return #itaku_diagnostics() > 0 end, 20) then return fail("no diagnostics within 15s") end
local first = {}
for _, d in ipairs(itaku_diagnostics()) do
  table.insert(first, { code = d.code, range = d.range, clause = d.data and d.data.clause or vim.NIL })
end
out({ event = "diagnostics", diagnostics = first })

-- 2. code actions for the first missing clause; apply the preferred one
local target
for _, d in ipairs(itaku_diagnostics()) do if d.code == "missing-clause" then target = d; break end end
if not target then return fail("no missing-clause diagnostic") end
local resp = client.request_sync("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = target.range,
  context = { diagnostics = { target }, only = { "quickfix" } },
}, 10000, buf)
if not resp or resp.err or not resp.result then return fail("codeAction failed: " .. vim.inspect(resp)) end
local titles, preferred = {}, nil
for _, a in ipairs(resp.result) do
  table.insert(titles, a.title)
  if a.isPreferred and not preferred and a.diagnostics and a.diagnostics[1] and a.diagnostics[1].data.clause == target.data.clause then preferred = a end
end
out({ event = "codeActions", clause = target.data.clause, titles = titles })
if not preferred then return fail("no preferred action") end
vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or "utf-16")
-- As vim.lsp.buf.code_action does after the edit: the action's command, by the handler above.
if not preferred.command then return fail("the fix carries no itaku.reveal command") end
vim.lsp.commands[preferred.command.command](preferred.command, { bufnr = buf, client_id = client_id })
local cursor = vim.api.nvim_win_get_cursor(0)
out({ event = "revealed", line = cursor[1] - 1, text = vim.api.nvim_get_current_line(),
      highlighted = #vim.api.nvim_buf_get_extmarks(buf, reveal_ns, 0, -1, {}) > 0 })
vim.cmd("write")

-- 3. after the edit is synced, the clause is present: one missing-clause fewer
local before = #itaku_diagnostics()
local ok = vim.wait(15000, function()
  local n = 0
  for _, d in ipairs(itaku_diagnostics()) do if d.code == "missing-clause" and d.data.clause == target.data.clause then n = n + 1 end end
  return n == 0 and #itaku_diagnostics() < before
end, 20)
local remaining = {}
for _, d in ipairs(itaku_diagnostics()) do table.insert(remaining, d.data and d.data.clause or d.code) end
out({ event = "applied", ok = ok, remaining = remaining })
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(ok and "qa!" or "cquit 2")
