"""What readers may see, and how they find it: the one place the public site, the API, the
feeds and the CSV exports take their records (`visibility`), filter them (`filters`), search
them (`search`) and page through them (`pagination`). Neither `factbook.web` nor
`factbook.api` imports the other; both import this."""
