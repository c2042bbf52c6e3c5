window.YTD.account.part0 = [
  {
    "account": {
      "email": "budi.contoh@example.com",
      "createdVia": "web",
      "username": "budi_asn_contoh",
      "accountId": "900000001",
      "createdAt": "2015-06-01T02:00:00.000Z",
      "accountDisplayName": "Budi Santoso (contoh)"
    }
  }
]