window.YTD.following.part0 = [
  {
    "following": {
      "accountId": "50000",
      "userLink": "https://twitter.com/intent/user?user_id=50000"
    }
  },
  {
    "following": {
      "accountId": "50037",
      "userLink": "https://twitter.com/intent/user?user_id=50037"
    }
  },
  {
    "following": {
      "accountId": "50074",
      "userLink": "https://twitter.com/intent/user?user_id=50074"
    }
  },
  {
    "following": {
      "accountId": "50111",
      "userLink": "https://twitter.com/intent/user?user_id=50111"
    }
  },
  {
    "following": {
      "accountId": "50148",
      "userLink": "https://twitter.com/intent/user?user_id=50148"
    }
  },
  {
    "following": {
      "accountId": "50185",
      "userLink": "https://twitter.com/intent/user?user_id=50185"
    }
  },
  {
    "following": {
      "accountId": "50222",
      "userLink": "https://twitter.com/intent/user?user_id=50222"
    }
  },
  {
    "following": {
      "accountId": "50259",
      "userLink": "https://twitter.com/intent/user?user_id=50259"
    }
  },
  {
    "following": {
      "accountId": "50296",
      "userLink": "https://twitter.com/intent/user?user_id=50296"
    }
  },
  {
    "following": {
      "accountId": "50333",
      "userLink": "https://twitter.com/intent/user?user_id=50333"
    }
  },
  {
    "following": {
      "accountId": "50370",
      "userLink": "https://twitter.com/intent/user?user_id=50370"
    }
  },
  {
    "following": {
      "accountId": "50407",
      "userLink": "https://twitter.com/intent/user?user_id=50407"
    }
  }
]