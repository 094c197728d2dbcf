-- Drives Neovim headless through editors/neovim.lua: open a manifest, see its diagnostics, edit it,
-- hover, apply a code action. Each step writes one line "step<TAB>value" to $LSP_TEST_OUT, so the
-- Rust test says which step failed. Runs in Neovim 0.7 (Debian's) and later.

local out = assert(io.open(os.getenv("LSP_TEST_OUT"), "w"))
local function say(step, value)
  out:write(step .. "\t" .. tostring(value):gsub("\n", " ") .. "\n")
  out:flush()
end
local function finish()
  out:close()
  vim.cmd("qa!")
end

vim.g.integration_wizard_cmd = { os.getenv("LSP_TEST_BINARY"), "lsp" }
vim.cmd("filetype on")
dofile(os.getenv("LSP_TEST_CONFIG"))
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("LSP_TEST_FILE")))
local buf = vim.api.nvim_get_current_buf()

local function client()
  return vim.lsp.get_active_clients({ name = "integration-wizard" })[1]
    or (function()
      for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
        return c
      end
    end)()
end
local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(found, code)
  end
  table.sort(found)
  return table.concat(found, ",")
end

local started = vim.wait(20000, function() return client() ~= nil end, 50)
say("attached", started)
-- K is the hover in every version Neovim runs here (0.7 maps it to :Man by itself).
local k = vim.fn.maparg("K", "n", false, true)
say("hover key", (k.buffer == 1 and k.desc) or vim.inspect(k))
if not started then return finish() end

local seen = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
say("diagnostics", codes())
if not seen then return finish() end

-- Edit: blank the display name (line of "display_name").
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local display_row
for row, line in ipairs(lines) do
  if line:find('"display_name"', 1, true) then display_row = row end
end
vim.api.nvim_buf_set_lines(buf, display_row - 1, display_row, false, { '    "display_name": " ",' })
vim.wait(20000, function() return codes():find("blank%-value") ~= nil end, 50)
say("edited", codes())

-- Hover on the key "name".
for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local col = line:find('"name"', 1, true)
  if col then
    vim.api.nvim_win_set_cursor(0, { row, col })
    break
  end
end
local params = vim.lsp.util.make_position_params()
local reply = client().request_sync("textDocument/hover", params, 10000, buf)
local contents = reply and reply.result and reply.result.contents
say("hover", contents and (contents.value or vim.inspect(contents)) or vim.inspect(reply))

-- The code action of the uppercase display, applied.
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  if code == "display-uppercase" then target = d end
end
if not target then
  say("action", "no display-uppercase diagnostic")
  return finish()
end
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
local action_params = vim.lsp.util.make_range_params()
action_params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) }
local actions = client().request_sync("textDocument/codeAction", action_params, 10000, buf)
local action = actions and actions.result and actions.result[1]
if not action then
  say("action", vim.inspect(actions))
  return finish()
end
vim.lsp.util.apply_workspace_edit(action.edit, client().offset_encoding or "utf-16")
say("action", action.title)
say("fixed", vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1])
finish()
