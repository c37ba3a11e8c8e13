{{ title.en | uppr }}
{{ signed | lunar }}
