-- integration-wizard's language server for Talkdesk integration manifests, in Neovim's built-in client.
-- Load it from your init.lua: dofile("/path/to/editors/neovim.lua")
-- It starts `integration-wizard lsp` for JSON files; the server answers only for manifests.
-- Neovim 0.8 and later have vim.lsp.start; 0.7 (Debian's) has vim.lsp.start_client.

local config = {
  name = "integration-wizard",
  -- Another path to the binary: vim.g.integration_wizard_cmd = { "/path/to/integration-wizard", "lsp" }
  cmd = vim.g.integration_wizard_cmd or { "integration-wizard", "lsp" },
  root_dir = vim.fn.getcwd(),
}

local client_id = nil

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "json", "jsonc" },
  callback = function(args)
    -- Neovim 0.10 and later map K to hover where a language server is attached; earlier ones
    -- (Debian's 0.7) run :Man there, so the hover gets the key here.
    if vim.fn.has("nvim-0.10") == 0 then
      vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = args.buf, desc = "integration-wizard: hover" })
    end
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
      client_id = vim.lsp.start_client(config)
    end
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
